# test_calculator.py
import pytest
def add(a, b):
    return a + b
def divide(a, b):
    if b == 0:
        raise ValueError("Cannot divide by zero")
    return a / b
# Basic test
def test_add():
    assert add(2, 3) == 5
    assert add(-1, 1) == 0
# Testing exceptions
def test_divide_by_zero():
    with pytest.raises(ValueError, match="Cannot divide by zero"):
        divide(10, 0)
# Parametrized tests
@pytest.mark.parametrize("a,b,expected", [
    (10, 2, 5),
    (9, 3, 3),
    (7, 2, 3.5),
])
def test_divide(a, b, expected):
    assert divide(a, b) == expected
