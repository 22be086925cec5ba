from enum import StrEnum


class PresetSize(StrEnum):
    CPU = "cpu"
    GPU = "gpu"

    def __str__(self) -> str:
        return str(self.value)
