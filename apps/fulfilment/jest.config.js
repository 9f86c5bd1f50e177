module.exports = require('@tracecart/config/jest-preset');
