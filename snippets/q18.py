# Composition (preferred in most cases)
class Engine:
    def __init__(self, horsepower):
        self.horsepower = horsepower
    def start(self):
        return "Engine running"
class Car:
    def __init__(self, make, engine):
        self.make = make
        self.engine = engine # Composition: Car HAS an Engine
    def start(self):
        return f"{self.make}: {self.engine.start()}"
engine = Engine(200)
car = Car("Toyota", engine)
print(car.start()) # Toyota: Engine running
