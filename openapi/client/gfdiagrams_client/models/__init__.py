"""Contains all the data models used in inputs/outputs"""

from .array_backend import ArrayBackend
from .diagram_format import DiagramFormat
from .diagram_out import DiagramOut
from .diagrams_request import DiagramsRequest
from .diagrams_response import DiagramsResponse
from .edge_out import EdgeOut
from .info import Info
from .info_stats import InfoStats
from .job_accepted import JobAccepted
from .job_links import JobLinks
from .job_list import JobList
from .job_problem import JobProblem
from .job_state import JobState
from .job_status import JobStatus
from .job_status_request import JobStatusRequest
from .job_status_result_type_0 import JobStatusResultType0
from .job_summary import JobSummary
from .limits import Limits
from .model_in import ModelIn
from .model_out import ModelOut
from .node_out import NodeOut
from .node_out_kind import NodeOutKind
from .poly_term import PolyTerm
from .problem import Problem
from .problem_item import ProblemItem
from .series_coefficient import SeriesCoefficient
from .series_mode import SeriesMode
from .series_request import SeriesRequest
from .series_response import SeriesResponse
from .storage import Storage
from .symmetry import Symmetry
from .target import Target
from .workers import Workers

__all__ = (
    "ArrayBackend",
    "DiagramFormat",
    "DiagramOut",
    "DiagramsRequest",
    "DiagramsResponse",
    "EdgeOut",
    "Info",
    "InfoStats",
    "JobAccepted",
    "JobLinks",
    "JobList",
    "JobProblem",
    "JobState",
    "JobStatus",
    "JobStatusRequest",
    "JobStatusResultType0",
    "JobSummary",
    "Limits",
    "ModelIn",
    "ModelOut",
    "NodeOut",
    "NodeOutKind",
    "PolyTerm",
    "Problem",
    "ProblemItem",
    "SeriesCoefficient",
    "SeriesMode",
    "SeriesRequest",
    "SeriesResponse",
    "Storage",
    "Symmetry",
    "Target",
    "Workers",
)
