"""One module per group of endpoints; ``service.app.ROUTERS`` lists the ones the app serves."""
