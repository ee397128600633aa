# sort() modifies the list in place, returns None
numbers = [3, 1, 4, 1, 5, 9, 2, 6]
numbers.sort()
print(numbers) # [1, 1, 2, 3, 4, 5, 6, 9]
# sorted() returns a new sorted list, original unchanged
data = [3, 1, 4, 1, 5]
result = sorted(data, reverse=True)
print(result) # [5, 4, 3, 1, 1]
# Custom sort with key function
words = ["banana", "apple", "cherry"]
words.sort(key=len)
print(words) # ['apple', 'banana', 'cherry']
