import numpy as np
# Create arrays
arr = np.array([1, 2, 3, 4, 5])
zeros = np.zeros((3, 4))
randoms = np.random.randn(3, 3)
# Vectorized operations (no loops needed)
print(arr * 2) # [2, 4, 6, 8, 10]
print(arr ** 2) # [1, 4, 9, 16, 25]
print(np.sqrt(arr)) # [1.0, 1.414, 1.732, 2.0, 2.236]
# Reshaping
matrix = np.arange(12).reshape(3, 4)
print(matrix.shape) # (3, 4)
# Boolean indexing
print(arr[arr > 3]) # [4, 5]
