"""Contains all the data models used in inputs/outputs"""

from .alpha_estimate import AlphaEstimate
from .alphas import Alphas
from .alternative import Alternative
from .array_backend import ArrayBackend
from .backend_choice import BackendChoice
from .check import Check
from .comparison import Comparison
from .diagram_format import DiagramFormat
from .diagram_out import DiagramOut
from .diagrams_request import DiagramsRequest
from .diagrams_response import DiagramsResponse
from .discretisation import Discretisation
from .dtype import Dtype
from .edge_decision import EdgeDecision
from .edge_out import EdgeOut
from .face_out import FaceOut
from .flow_params_in import FlowParamsIn
from .info import Info
from .info_stats import InfoStats
from .integrator import Integrator
from .job_accepted import JobAccepted
from .job_links import JobLinks
from .job_list import JobList
from .job_problem import JobProblem
from .job_state import JobState
from .job_status import JobStatus
from .job_status_request import JobStatusRequest
from .job_status_result_type_0 import JobStatusResultType0
from .job_summary import JobSummary
from .kernel import Kernel
from .leading_at_order import LeadingAtOrder
from .limits import Limits
from .limits_request import LimitsRequest
from .limits_response import LimitsResponse
from .limits_response_characteristics import LimitsResponseCharacteristics
from .limits_response_generating_function_type_0 import LimitsResponseGeneratingFunctionType0
from .limits_response_merge_type_0 import LimitsResponseMergeType0
from .model_in import ModelIn
from .model_out import ModelOut
from .monomial import Monomial
from .natural_t import NaturalT
from .node_out import NodeOut
from .node_out_kind import NodeOutKind
from .output_grid import OutputGrid
from .pareto_request import ParetoRequest
from .pareto_response import ParetoResponse
from .pareto_term import ParetoTerm
from .pde_out import PdeOut
from .poly_term import PolyTerm
from .polygon_out import PolygonOut
from .polygon_out_facets_item import PolygonOutFacetsItem
from .preset import Preset
from .preset_size import PresetSize
from .problem import Problem
from .problem_item import ProblemItem
from .recurrence_out import RecurrenceOut
from .refused_estimate import RefusedEstimate
from .regime_params_in import RegimeParamsIn
from .regime_response import RegimeResponse
from .regime_response_params_type_0 import RegimeResponseParamsType0
from .regimes_request import RegimesRequest
from .scaling_condition import ScalingCondition
from .scaling_in import ScalingIn
from .series_coefficient import SeriesCoefficient
from .series_mode import SeriesMode
from .series_request import SeriesRequest
from .series_response import SeriesResponse
from .solution_id import SolutionId
from .solution_out import SolutionOut
from .storage import Storage
from .symmetry import Symmetry
from .target import Target
from .taylor_metrics import TaylorMetrics
from .taylor_result import TaylorResult
from .taylor_result_performance import TaylorResultPerformance
from .taylor_result_request import TaylorResultRequest
from .theory_loss_request import TheoryLossRequest
from .theory_loss_response import TheoryLossResponse
from .theory_params_in import TheoryParamsIn
from .theory_params_out import TheoryParamsOut
from .trajectory_metrics import TrajectoryMetrics
from .trajectory_result import TrajectoryResult
from .trajectory_result_performance import TrajectoryResultPerformance
from .trajectory_result_request import TrajectoryResultRequest
from .trajectory_theory import TrajectoryTheory
from .trajectory_theory_closed_form_info import TrajectoryTheoryClosedFormInfo
from .validation_kind import ValidationKind
from .validation_request import ValidationRequest
from .vertex_out import VertexOut
from .workers import Workers

__all__ = (
    "AlphaEstimate",
    "Alphas",
    "Alternative",
    "ArrayBackend",
    "BackendChoice",
    "Check",
    "Comparison",
    "DiagramFormat",
    "DiagramOut",
    "DiagramsRequest",
    "DiagramsResponse",
    "Discretisation",
    "Dtype",
    "EdgeDecision",
    "EdgeOut",
    "FaceOut",
    "FlowParamsIn",
    "Info",
    "InfoStats",
    "Integrator",
    "JobAccepted",
    "JobLinks",
    "JobList",
    "JobProblem",
    "JobState",
    "JobStatus",
    "JobStatusRequest",
    "JobStatusResultType0",
    "JobSummary",
    "Kernel",
    "LeadingAtOrder",
    "Limits",
    "LimitsRequest",
    "LimitsResponse",
    "LimitsResponseCharacteristics",
    "LimitsResponseGeneratingFunctionType0",
    "LimitsResponseMergeType0",
    "ModelIn",
    "ModelOut",
    "Monomial",
    "NaturalT",
    "NodeOut",
    "NodeOutKind",
    "OutputGrid",
    "ParetoRequest",
    "ParetoResponse",
    "ParetoTerm",
    "PdeOut",
    "PolygonOut",
    "PolygonOutFacetsItem",
    "PolyTerm",
    "Preset",
    "PresetSize",
    "Problem",
    "ProblemItem",
    "RecurrenceOut",
    "RefusedEstimate",
    "RegimeParamsIn",
    "RegimeResponse",
    "RegimeResponseParamsType0",
    "RegimesRequest",
    "ScalingCondition",
    "ScalingIn",
    "SeriesCoefficient",
    "SeriesMode",
    "SeriesRequest",
    "SeriesResponse",
    "SolutionId",
    "SolutionOut",
    "Storage",
    "Symmetry",
    "Target",
    "TaylorMetrics",
    "TaylorResult",
    "TaylorResultPerformance",
    "TaylorResultRequest",
    "TheoryLossRequest",
    "TheoryLossResponse",
    "TheoryParamsIn",
    "TheoryParamsOut",
    "TrajectoryMetrics",
    "TrajectoryResult",
    "TrajectoryResultPerformance",
    "TrajectoryResultRequest",
    "TrajectoryTheory",
    "TrajectoryTheoryClosedFormInfo",
    "ValidationKind",
    "ValidationRequest",
    "VertexOut",
    "Workers",
)
