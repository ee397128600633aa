# Catching multiple exception types
try:
    value = int(input("Enter a number: "))
    result = 100 / value
except (ValueError, ZeroDivisionError) as e:
    print(f"Error: {e}")
# Exception chaining
try:
    data = fetch_data()
except ConnectionError as e:
    raise RuntimeError("Failed to load data") from e
# Exception groups (Python 3.11+)
try:
    results = process_batch(items)
except* ValueError as eg:
    print(f"Value errors: {eg.exceptions}")
except* TypeError as eg:
    print(f"Type errors: {eg.exceptions}")
