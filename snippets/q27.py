import pandas as pd
# Create from a dictionary
df = pd.DataFrame({
    "name": ["Alice", "Bob", "Charlie", "Diana"],
    "department": ["Engineering", "Marketing", "Engineering", "Marketing"],
    "salary": [95000, 72000, 88000, 76000]
})
# Basic operations
print(df.shape) # (4, 3)
print(df.dtypes) # Column data types
print(df.describe()) # Summary statistics
print(df.head(2)) # First 2 rows
# Filtering
engineers = df[df["department"] == "Engineering"]
high_earners = df[df["salary"] > 80000]
