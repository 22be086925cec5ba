from enum import StrEnum


class BackendChoice(StrEnum):
    AUTO = "auto"
    CUPY = "cupy"
    NUMPY = "numpy"

    def __str__(self) -> str:
        return str(self.value)
