import pandas as pd
df = pd.DataFrame({
    "name": ["Alice Smith", "Bob Jones"],
    "salary": [95000, 72000]
})
# apply() on a column (Series)
df["last_name"] = df["name"].apply(lambda x: x.split()[-1])
# apply() on a row
df["tax"] = df.apply(lambda row: row["salary"] * 0.3 if row["salary"] > 80000 else row["salary"] * 0.2, axis=1)
# map() for element-wise transformation
df["salary_grade"] = df["salary"].map(lambda x: "Senior" if x > 80000 else "Junior")
# applymap() for element-wise on entire DataFrame (use map() in pandas 2.1+)
numeric_df = df[["salary", "tax"]]
formatted = numeric_df.map(lambda x: f"${x:,.0f}")
print(formatted)
