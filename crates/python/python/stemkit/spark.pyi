"""Type stubs of stemkit.spark: column functions and an ML stage for Spark."""

from typing import Optional, Union

from pyspark.ml import Transformer
from pyspark.ml.param import Param
from pyspark.ml.param.shared import HasInputCol, HasOutputCol
from pyspark.ml.util import DefaultParamsReadable, DefaultParamsWritable
from pyspark.sql import Column, DataFrame

ColumnOrName = Union[Column, str]

DEFAULT_ALGORITHM: str
use_arrow_udf: bool

def stem(col: ColumnOrName, algorithm: str = ...) -> Column: ...
def tokenize(
    col: ColumnOrName,
    *,
    unicode: bool = ...,
    fold_ascii: bool = ...,
    stopwords: bool = ...,
    keep_numbers: bool = ...,
    min_len: Optional[int] = ...,
    max_len: Optional[int] = ...,
) -> Column: ...
def process(
    col: ColumnOrName,
    algorithm: str = ...,
    *,
    unicode: bool = ...,
    fold_ascii: bool = ...,
    stopwords: bool = ...,
    keep_numbers: bool = ...,
    min_len: Optional[int] = ...,
    max_len: Optional[int] = ...,
) -> Column: ...

class Stemmer(
    Transformer,
    HasInputCol,
    HasOutputCol,
    DefaultParamsReadable["Stemmer"],
    DefaultParamsWritable,
):
    algorithm: Param[str]
    def __init__(
        self,
        *,
        inputCol: Optional[str] = ...,
        outputCol: Optional[str] = ...,
        algorithm: str = ...,
    ) -> None: ...
    def setParams(
        self,
        *,
        inputCol: Optional[str] = ...,
        outputCol: Optional[str] = ...,
        algorithm: str = ...,
    ) -> Stemmer: ...
    def setAlgorithm(self, value: str) -> Stemmer: ...
    def getAlgorithm(self) -> str: ...
    def setInputCol(self, value: str) -> Stemmer: ...
    def setOutputCol(self, value: str) -> Stemmer: ...
    def _transform(self, dataset: DataFrame) -> DataFrame: ...
