// Stylesheets have no meaning in jsdom; Jest maps every .css/.scss import here.
module.exports = {};
