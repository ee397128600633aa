import pandas as pd
employees = pd.DataFrame({
    "emp_id": [1, 2, 3, 4],
    "name": ["Alice", "Bob", "Charlie", "Diana"]
})
salaries = pd.DataFrame({
    "emp_id": [1, 2, 3, 5],
    "salary": [95000, 72000, 88000, 65000]
})
# Inner join (only matching rows)
inner = pd.merge(employees, salaries, on="emp_id", how="inner")
# Left join (all employees, salary where available)
left = pd.merge(employees, salaries, on="emp_id", how="left")
# Outer join (all rows from both)
outer = pd.merge(employees, salaries, on="emp_id", how="outer")
print(left)
# emp_id name salary
# 0 1 Alice 95000.0
# 1 2 Bob 72000.0
# 2 3 Charlie 88000.0
# 3 4 Diana NaN
