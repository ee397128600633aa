# Using a context manager
with open("data.txt", "w") as f:
    f.write("Hello, World!")
# File is automatically closed, even if an exception occurs
# Creating a custom context manager with a class
class DatabaseConnection:
    def __enter__(self):
        self.conn = create_connection()
        return self.conn
    def __exit__(self, exc_type, exc_val, exc_tb):
        self.conn.close()
        return False # Do not suppress exceptions
# Creating a context manager with contextlib
from contextlib import contextmanager
@contextmanager
def timer(label):
    import time
    start = time.time()
    yield
    print(f"{label}: {time.time() - start:.4f}s")
with timer("Data processing"):
    result = sum(range(10_000_000))
