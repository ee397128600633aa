coordinates = (40.7128, -74.0060) # Tuple: fixed pair of values
temperatures = [72, 75, 68, 71] # List: variable collection of similar values
