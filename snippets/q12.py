class Animal:
    def speak(self):
        return "..."
class Dog(Animal):
    def speak(self):
        return "Woof"
class Cat(Animal):
    def speak(self):
        return "Meow"
class DogCat(Dog, Cat):
    pass
pet = DogCat()
print(pet.speak()) # "Woof" (Dog comes first in MRO)
print(DogCat.__mro__)
# (DogCat, Dog, Cat, Animal, object)
