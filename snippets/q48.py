from typing import Optional
def calculate_discount(
    price: float,
    discount_percent: float,
    minimum: Optional[float] = None
) -> float:
    discounted = price * (1 - discount_percent / 100)
    if minimum is not None:
        return max(discounted, minimum)
    return discounted
# Modern Python (3.10+) uses union syntax
def process(value: int | str) -> str:
    return str(value).upper()
