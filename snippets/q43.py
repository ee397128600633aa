def fibonacci_generator(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b
# Uses almost no memory regardless of limit
for num in fibonacci_generator(1_000_000):
    if num > 100:
        break
    print(num, end=" ")
# 0 1 1 2 3 5 8 13 21 34 55 89
# Generator expression (like a list comprehension but lazy)
squares = (x**2 for x in range(1_000_000))
print(next(squares)) # 0
print(next(squares)) # 1
