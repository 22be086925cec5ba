from enum import StrEnum


class Target(StrEnum):
    IDENTITY = "identity"
    ZERO = "zero"

    def __str__(self) -> str:
        return str(self.value)
