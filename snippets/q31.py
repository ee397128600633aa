import pandas as pd
df = pd.DataFrame(
    {"A": [10, 20, 30], "B": [40, 50, 60]},
    index=["x", "y", "z"]
)
print(df.loc["x", "A"]) # 10 (by label)
print(df.iloc[0, 0]) # 10 (by position)
print(df.loc["x":"y"]) # Rows x and y (inclusive)
print(df.iloc[0:2]) # Rows 0 and 1 (exclusive end)
