"""wsg: the dataset and the tools of the ITU-T Workshop and Seminar Coordination Group."""

__version__ = "0.1.0"
