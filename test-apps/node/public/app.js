// The page's script, served minified by the build step.
function greetVisitor(visitorName) {
  const greeting = 'hello, ' + visitorName;
  document.body.textContent = greeting;
  return greeting;
}

greetVisitor('visitor');
