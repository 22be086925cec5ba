from enum import StrEnum


class SolutionId(StrEnum):
    FREE_GENERAL_SYM = "free_general_sym"
    FREE_OVERPARAMETERIZED = "free_overparameterized"
    FREE_UNDERPARAMETERIZED = "free_underparameterized"
    NTK = "ntk"
    SYM_NU2 = "sym_nu2"
    SYM_NU4_ASCENT = "sym_nu4_ascent"

    def __str__(self) -> str:
        return str(self.value)
