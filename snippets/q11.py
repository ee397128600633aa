class Employee:
    company = "Acme Corp" # Class attribute (shared by all instances)
    def __init__(self, name, salary):
        self.name = name # Instance attribute
        self.salary = salary # Instance attribute
    def annual_salary(self):
        return self.salary * 12
    def __repr__(self):
        return f"Employee(name='{self.name}', salary={self.salary})"
emp = Employee("Alice", 8000)
print(emp.annual_salary()) # 96000
print(emp) # Employee(name='Alice', salary=8000)
