// One file at a time: each owns a whole lab (a PostgreSQL, a Redis, the services), and two at
// once on a 2-core machine would measure each other.
module.exports = { ...require('@tracecart/config/jest-preset'), maxWorkers: 1 };
