CREATE TABLE IF NOT EXISTS dim_metric (
    metric_key  BIGINT PRIMARY KEY,
    metric_code VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    loaded_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE dim_metric IS 'One kind of measured figure: a metric in one unit.';
COMMENT ON COLUMN dim_metric.metric_key IS 'Stable surrogate key of the (metric_code, unit) pair.';
COMMENT ON COLUMN dim_metric.metric_code IS 'money, area, count, percent, … .';
COMMENT ON COLUMN dim_metric.unit IS 'RUB, USD, EUR, ha, items, %, … .';
COMMENT ON COLUMN dim_metric.loaded_at IS 'When the row was first written.';
