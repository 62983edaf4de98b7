"""Local run without AWS: moto plays DynamoDB, S3 and SES; one origin serves API and web app."""
