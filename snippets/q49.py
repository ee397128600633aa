class PointWithSlots:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class PointWithoutSlots:
    def __init__(self, x, y):
        self.x = x
        self.y = y
import sys
a = PointWithSlots(1, 2)
b = PointWithoutSlots(1, 2)
print(sys.getsizeof(a)) # ~56 bytes
print(sys.getsizeof(b)) # ~56 bytes (but b also has __dict__ overhead)
# a.z = 3 # AttributeError: 'PointWithSlots' has no attribute 'z'
b.z = 3 # Works fine
