# Mutable: modifying a list in place
my_list = [1, 2, 3]
my_list[0] = 99
print(my_list) # [99, 2, 3]
# Immutable: strings cannot be modified in place
my_string = "hello"
# my_string[0] = "H" # TypeError: 'str' object does not support item assignment
my_string = "H" + my_string[1:] # Creates a new string
print(my_string) # "Hello"
