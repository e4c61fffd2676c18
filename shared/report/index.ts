/** Report building blocks: chart specs (plain data) and the builders that make them from analysis results. */
export * from './chart-spec';
export * from './chart-colours';
export * from './chart-builders';
export * from './hierarchy-chart';
export * from './network-chart';
export * from './icon-array-chart';
export * from './chart-table';
