# Dictionary operations are O(1) average case
lookup_table = {"alice": 85, "bob": 92, "charlie": 78}
# Lookup: O(1)
print(lookup_table["alice"]) # 85
# Insertion: O(1)
lookup_table["diana"] = 95
# Membership test: O(1)
print("bob" in lookup_table) # True
