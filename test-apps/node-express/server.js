// Answers "hello from node-express" through Express.
const express = require('express');

const port = process.env.PORT || 5000;
const app = express();
app.get('/', (req, res) => res.type('text/plain').send('hello from node-express\n'));
app.listen(port, () => console.log(`listening on ${port}`));
