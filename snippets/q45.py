import threading
import multiprocessing
import time
def cpu_bound_task(n):
    return sum(i * i for i in range(n))
# Threading: no speedup for CPU-bound work due to GIL
# Use multiprocessing instead for CPU-bound parallelism
# multiprocessing bypasses the GIL
if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
        results = pool.map(cpu_bound_task, [10_000_000] * 4)
