def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("Cannot divide by zero")
        return None
    except TypeError as e:
        print(f"Invalid types: {e}")
        return None
    else:
        print("Division successful") # Runs only if no exception
        return result
    finally:
        print("This always runs") # Cleanup code
print(divide(10, 2)) # Division successful -> This always runs -> 5.0
print(divide(10, 0)) # Cannot divide by zero -> This always runs -> None
