# Stack using a list
stack = []
stack.append("a")
stack.append("b")
stack.append("c")
print(stack.pop()) # "c" (last in, first out)
# Queue using collections.deque
from collections import deque
queue = deque()
queue.append("a")
queue.append("b")
queue.append("c")
print(queue.popleft()) # "a" (first in, first out)
