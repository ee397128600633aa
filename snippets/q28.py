import pandas as pd
df = pd.DataFrame({
    "department": ["Eng", "Mkt", "Eng", "Mkt", "Eng"],
    "quarter": ["Q1", "Q1", "Q2", "Q2", "Q1"],
    "revenue": [100, 80, 120, 90, 110]
})
# Single aggregation
print(df.groupby("department")["revenue"].mean())
# Eng 110.0
# Mkt 85.0
# Multiple aggregations
summary = df.groupby("department")["revenue"].agg(["mean", "sum", "count"])
print(summary)
# Group by multiple columns
detail = df.groupby(["department", "quarter"])["revenue"].sum()
print(detail)
