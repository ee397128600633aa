# Assertions: catch programming errors
def calculate_average(numbers):
    assert len(numbers) > 0, "Cannot average an empty list"
    return sum(numbers) / len(numbers)
# Exceptions: handle expected runtime issues
def read_config(filepath):
    try:
        with open(filepath) as f:
            return f.read()
    except FileNotFoundError:
        return default_config()
