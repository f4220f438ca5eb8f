"""The game on screen (pygame-ce and pygame-gui): the app, its screens, the map renderer and the theme."""
