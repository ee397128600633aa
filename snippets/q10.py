name = "Alice"
age = 30
# 1. f-strings (recommended in modern Python)
print(f"{name} is {age} years old")
# 2. str.format() method
print("{} is {} years old".format(name, age))
# 3. % operator (legacy, avoid in new code)
print("%s is %d years old" % (name, age))
