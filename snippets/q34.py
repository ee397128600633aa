import pandas as pd
df = pd.DataFrame({
    "date": ["2026-01", "2026-01", "2026-02", "2026-02"],
    "product": ["A", "B", "A", "B"],
    "sales": [100, 150, 120, 180]
})
# Pivot table
pivot = df.pivot_table(values="sales", index="date", columns="product", aggfunc="sum")
print(pivot)
# product A B
# date
# 2026-01 100 150
# 2026-02 120 180
# Melt (unpivot): wide to long format
melted = pivot.reset_index().melt(id_vars="date", var_name="product", value_name="sales")
print(melted)
