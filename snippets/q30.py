import pandas as pd
import numpy as np
df = pd.DataFrame({
    "name": ["Alice", "Bob", None, "Diana"],
    "score": [85, np.nan, 72, np.nan]
})
# Detect missing values
print(df.isnull().sum())
# name 1
# score 2
# Drop rows with any missing values
cleaned = df.dropna()
# Fill missing values
filled = df.fillna({"name": "Unknown", "score": df["score"].mean()})
# Forward fill (use previous valid value)
df["score"] = df["score"].ffill()
# Interpolation
df["score"] = df["score"].interpolate(method="linear")
