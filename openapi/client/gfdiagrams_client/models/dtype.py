from enum import StrEnum


class Dtype(StrEnum):
    FLOAT32 = "float32"
    FLOAT64 = "float64"

    def __str__(self) -> str:
        return str(self.value)
