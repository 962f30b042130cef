// The build step: writes the greeting the server answers with, so a test sees that it ran.
const fs = require('fs');
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/greeting.txt', 'hello from node');
