import gc
# Force a garbage collection cycle
gc.collect()
# Check if garbage collection is enabled
print(gc.isenabled()) # True
