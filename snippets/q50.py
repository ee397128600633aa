from dataclasses import dataclass, field
@dataclass
class Employee:
    name: str
    department: str
    salary: float
    skills: list = field(default_factory=list)
    @property
    def is_senior(self) -> bool:
        return self.salary > 100_000
# Auto-generated __init__, __repr__, __eq__
emp1 = Employee("Alice", "Engineering", 120_000, ["Python", "SQL"])
emp2 = Employee("Alice", "Engineering", 120_000, ["Python", "SQL"])
print(emp1) # Employee(name='Alice', department='Engineering', ...)
print(emp1 == emp2) # True
print(emp1.is_senior) # True
# Frozen (immutable) dataclass
@dataclass(frozen=True)
class Coordinate:
    lat: float
    lon: float
