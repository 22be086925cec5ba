from enum import StrEnum


class ValidationKind(StrEnum):
    TAYLOR = "taylor"
    TRAJECTORY = "trajectory"

    def __str__(self) -> str:
        return str(self.value)
