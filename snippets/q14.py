import time
def timer(func):
    def wrapper(*args, **kwargs):
        start = time.time()
        result = func(*args, **kwargs)
        elapsed = time.time() - start
        print(f"{func.__name__} took {elapsed:.4f} seconds")
        return result
    return wrapper
@timer
def slow_function(n):
    total = sum(range(n))
    return total
result = slow_function(10_000_000)
# slow_function took 0.2314 seconds
