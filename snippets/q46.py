class ValidatedMeta(type):
    def __new__(mcs, name, bases, namespace):
        # Enforce that all classes using this metaclass have a 'validate' method
        if "validate" not in namespace and name != "ValidatedBase":
            raise TypeError(f"{name} must implement a validate() method")
        return super().__new__(mcs, name, bases, namespace)
class ValidatedBase(metaclass=ValidatedMeta):
    pass
class User(ValidatedBase):
    def validate(self):
        return bool(self.name)
# class BadModel(ValidatedBase): # TypeError: BadModel must implement validate()
# pass
