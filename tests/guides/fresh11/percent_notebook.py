# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.16.1
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A Week of Weather Readings
#
# This notebook is stored as a plain `.py` file in Jupytext's *percent*
# format, so it diffs nicely in git. Open it in JupyterLab (with the Jupytext
# extension) or in VS Code, and run the cells from top to bottom: every cell
# uses names defined by the cells above it.
#
# Printed output is written in comments right below the code that prints it.
# When a cell ends with a bare expression, the notebook shows its value; we
# write that value after `# Out:`.

# %%
# %matplotlib inline
import statistics
from collections import Counter

import numpy as np
import pandas as pd

# %% [markdown]
# ## The raw readings
#
# Seven days of noon temperatures (in °C) and a one-word description of the
# sky. Plain Python lists are enough to get a first feel for the data.

# %% Raw data
temps = [14.2, 16.8, 15.1, 11.9, 13.4, 17.6, 18.0]
skies = ["cloudy", "sunny", "sunny", "rain", "cloudy", "sunny", "sunny"]
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

print(len(temps))  # 7
print(max(temps), min(temps))  # 18.0 11.9
print(round(statistics.mean(temps), 2))
# 15.29

# %% [markdown]
# How often did we see each kind of sky?

# %%
sky_counts = Counter(skies)
print(sky_counts.most_common(2))
# [('cloudy', 2), ('sunny', 4)]
print(sorted(sky_counts))
# ['cloudy', 'rain', 'sunny']

# %% [markdown]
# Which days were warmer than 15 °C? The cell ends with the list itself, so
# the notebook displays it.

# %%
warm_days = [day for day, t in zip(days, temps) if t > 15]
warm_days
# Out: ['Tue', 'Wed', 'Sat', 'Sun']

# %% [markdown]
# ## Into pandas
#
# For anything more than a couple of numbers, a DataFrame is handier. The
# general recipe for a grouped summary is
#
# ```python
# frame.groupby(key_column)[value_column].agg(function_name)
# ```
#
# but first we need the frame.

# %%
df = pd.DataFrame({"day": days, "temp": temps, "sky": skies})
print(df.shape)  # (7, 3)
df.head(3)
# Out:
#    day  temp     sky
# 0  Mon  14.2  cloudy
# 1  Tue  16.8   sunny
# 2  Wed  15.1   sunny

# %% tags=["summary"]
by_sky = df.groupby("sky")["temp"].mean().round(2)
print(by_sky)
# Output:
# sky
# cloudy    13.80
# rain      11.90
# sunny     16.88
# Name: temp, dtype: float64

# %% [markdown]
# Add a Fahrenheit column and find the hottest day.

# %%
df["temp_f"] = df["temp"] * 9 / 5 + 32
hottest = df.loc[df["temp"].idxmax(), "day"]
print(hottest)  # Sun
print(df.shape)  # (7, 3)
print(df["temp_f"].round(1).tolist())
# [57.6, 62.2, 59.2, 53.4, 56.1, 63.7, 64.4]
df["temp_f"].dtype
# Out: dtype('float64')

# %% [markdown]
# ## Day-to-day changes
#
# NumPy's `diff` gives the change from each day to the next, one value fewer
# than there are days.

# %%
changes = np.diff(df["temp"].to_numpy())
print(changes.round(1))
# Output:
# [ 2.6 -1.7 -3.2  1.5  4.2  0.4]
print(int((changes > 0).sum()))  # 5

# %% [markdown]
# A Series indexed by day name can be sliced by label, and the slice includes
# both ends. Only the *last* expression of a cell is displayed.

# %%
week = df.set_index("day")["temp"]
week.idxmin()  # not displayed: it is not the last line
week.idxmin(), week["Sat":"Sun"].sum()
# Out: ['Thu', 35.6]

# %% [markdown]
# Finally, the sunny days, one per line:

# %%
for day, temp, sky in df[["day", "temp", "sky"]].itertuples(index=False):
    if sky == "sunny":
        print(f"{day}: {temp:.1f} °C")
# Output:
# Tue: 16.8 °C
# Wed: 15.1 °C
# Sat: 17.6 °C
# Sun: 18.0 °C

# %% [markdown]
# ## What's next
#
# In the next notebook we read a whole year of readings from a CSV file and
# resample them by month.
