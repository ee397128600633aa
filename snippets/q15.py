class Date:
    def __init__(self, year, month, day):
        self.year = year
        self.month = month
        self.day = day
    @classmethod
    def from_string(cls, date_string):
        year, month, day = map(int, date_string.split("-"))
        return cls(year, month, day)
    @staticmethod
    def is_valid(date_string):
        parts = date_string.split("-")
        return len(parts) == 3 and all(p.isdigit() for p in parts)
print(Date.is_valid("2026-03-14")) # True
d = Date.from_string("2026-03-14")
print(d.year) # 2026
