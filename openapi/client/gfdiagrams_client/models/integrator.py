from enum import StrEnum


class Integrator(StrEnum):
    DOPRI5 = "dopri5"
    EULER = "euler"
    RK4 = "rk4"

    def __str__(self) -> str:
        return str(self.value)
