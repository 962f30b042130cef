// Answers with the greeting the build step wrote, through Express: "hello from node".
const fs = require('fs');
const express = require('express');

const greeting = fs.readFileSync('dist/greeting.txt', 'utf8');
const port = process.env.PORT || 5000;
const app = express();
app.get('/', (req, res) => res.type('text/plain').send(`${greeting}\n`));
app.listen(port, () => console.log(`listening on ${port}`));
